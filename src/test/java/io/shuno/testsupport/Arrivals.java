package io.shuno.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a transfer service leaves a file in a drop folder: written under a hidden name (which shuno does not read),
 * then renamed into place in one step.
 */
final class Arrivals {

    private Arrivals() {
    }

    static Path partialOf(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".part");
    }

    static Path complete(Path partial, Path file) {
        try {
            return Files.move(partial, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
