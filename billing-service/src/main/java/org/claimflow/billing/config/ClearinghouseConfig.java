package org.claimflow.billing.config;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** Which clearinghouse adapter carries our files, and where the file-drop adapter keeps them. */
@ConfigMapping(prefix = "claimflow.clearinghouse")
public interface ClearinghouseConfig {

    /** {@code sandbox} (HTTP to the payer sandbox) or {@code file-drop} (folders). */
    String adapter();

    /** How often inbound files (277CA, 835) are looked for (also read by the poller's @Scheduled). */
    Duration pollInterval();

    FileDrop fileDrop();

    interface FileDrop {
        /** Where 837 files are written for the clearinghouse to pick up. */
        Path outbound();

        /** Where the clearinghouse leaves 999, 277CA and 835 files. */
        Path inbound();

        /** Where handled inbound files are moved (the file-drop "ack"). */
        Path archive();
    }
}
