package io.shuno.web;

import io.shuno.reconciliation.MunicipalityCode;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The names of municipalities by 団体コード, from {@value #RESOURCE} (code, tab, name; # starts a comment), so that
 * pages say 千代田区 where the data says 131016. A code not listed is shown as itself. Templates call it as
 * {@code @municipalities} (public, so that SpEL may).
 */
@Component("municipalities")
public class MunicipalityNames {

    static final String RESOURCE = "municipalities.tsv";

    private final Map<String, String> byCode;

    MunicipalityNames() {
        this.byCode = Map.copyOf(read());
    }

    /** The municipality's name, or its code where the name is not known (or no code is given: empty). */
    public String of(String code) {
        return code == null ? "" : byCode.getOrDefault(code, code);
    }

    private static Map<String, String> read() {
        Map<String, String> names = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> {
                        String[] codeAndName = line.split("\t", 2);
                        if (codeAndName.length != 2 || codeAndName[1].isBlank()) {
                            throw new IllegalStateException(RESOURCE + ": not code<TAB>name: " + line);
                        }
                        // A wrong check digit is a typing error in the file: refuse to start rather than mislabel.
                        names.put(new MunicipalityCode(codeAndName[0]).value(), codeAndName[1].strip());
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " is part of shuno and must be readable", e);
        }
        return names;
    }
}
