package org.claimflow.billing.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.claimflow.billing.config.ClearinghouseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDropClearinghouseGatewayTest {

    private static final String ACK_999 = "ISA*00*          *00*          *ZZ*SANDBOXCH      *ZZ*CLAIMFLOW      *261120*1200*^*00501*000000042*0*T*:~"
            + "GS*FA*SANDBOXCH*CLAIMFLOW*20261120*1200*42*X*005010X231A1~ST*999*0001*005010X231A1~AK1*HC*7*005010X222A1~"
            + "AK9*A*1*1*1~SE*4*0001~GE*1*42~IEA*1*000000042~";

    @TempDir
    Path root;

    private FileDropClearinghouseGateway gateway() {
        return new FileDropClearinghouseGateway(new ClearinghouseConfig() {
            public String adapter() {
                return "file-drop";
            }

            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            public FileDrop fileDrop() {
                return new FileDrop() {
                    public Path outbound() {
                        return root.resolve("out");
                    }

                    public Path inbound() {
                        return root.resolve("in");
                    }

                    public Path archive() {
                        return root.resolve("archive");
                    }
                };
            }
        });
    }

    @Test
    void writesTheInterchangeUnderItsControlNumberAndTheSameOneTwiceOnlyOnce() throws Exception {
        FileDropClearinghouseGateway gateway = gateway();
        assertEquals(Optional.empty(), gateway.submit("000000123", "ISA*..."));
        assertEquals(Optional.empty(), gateway.submit("000000123", "ISA*..."));
        try (var files = Files.list(root.resolve("out"))) {
            assertEquals(List.of("837P-000000123.x12"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void offersInboundFilesOldestFirstByTheirTransactionTypeAndArchivesThemWhenAcknowledged() throws Exception {
        FileDropClearinghouseGateway gateway = gateway();
        Path in = Files.createDirectories(root.resolve("in"));
        Path newer = Files.writeString(in.resolve("b.x12"), ACK_999.replace("ST*999", "ST*835"));
        Path older = Files.writeString(in.resolve("a.x12"), ACK_999);
        Files.writeString(in.resolve(".partial"), "half a file");
        Files.setLastModifiedTime(older, FileTime.fromMillis(1_000));
        Files.setLastModifiedTime(newer, FileTime.fromMillis(2_000));

        List<InboundFile> files = gateway.inbound();
        assertEquals(List.of(new InboundFile("a.x12", "999", "000000042"), new InboundFile("b.x12", "835", "000000042")), files);
        assertEquals(ACK_999, gateway.read(files.get(0)));

        gateway.acknowledge(files.get(0));
        assertFalse(Files.exists(older));
        assertTrue(Files.exists(root.resolve("archive/a.x12")));
        assertEquals(1, gateway.inbound().size());
    }
}
