package org.claimflow.coding.codeset;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The code-set files to load at start-up. A new quarter is a new entry (any key) pointing at its file;
 * entries whose version is already loaded are skipped.
 */
@ConfigMapping(prefix = "claimflow.codesets")
public interface CodeSetConfig {

    /** Load missing versions in the background at start-up; readiness stays DOWN until done. */
    @WithDefault("true")
    boolean loadAtStart();

    Map<String, Source> sources();

    interface Source {
        /** Code set id: icd10cm, mce, hcpcs, ncci-ptp, ncci-mue, ncci-aoc, modifiers, pos. */
        String name();

        /** e.g. FY2024, 2024Q3. */
        String version();

        LocalDate effectiveFrom();

        Optional<LocalDate> effectiveTo();

        /** {@code classpath:codesets/…} or a file-system path; {@code .gz} files are read through gzip. */
        String file();
    }
}
