package org.claimflow.sandbox.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "sandbox")
public interface SandboxConfig {

    /** A seed file on disk that replaces the bundled {@code sandbox/seed.json}. */
    Optional<String> seedFile();

    /** How long an 835 stays invisible in the mailbox after its claims were adjudicated. */
    @WithDefault("0s")
    Duration remittanceDelay();

    /** The largest X12 body accepted; larger ones get 413. */
    @WithDefault("5242880")
    int maxX12Bytes();

    /** Our own interchange id (ISA06 of the files we produce when no 837/270 tells us whom we are). */
    @WithDefault("SANDBOXCH")
    String clearinghouseId();
}
