/**
 * Collection channels that arrive as files (全銀 口座振替 results, コンビニ agency notices): each dropped file is
 * checked whole, then published as one canonical JSON record per row on the channel's topic.
 */
@ApplicationModule(displayName = "Files", allowedDependencies = {"reconciliation", "deadletters", "platform"})
package io.shuno.files;

import org.springframework.modulith.ApplicationModule;
