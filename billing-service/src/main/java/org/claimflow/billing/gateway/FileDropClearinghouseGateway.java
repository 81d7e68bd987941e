package org.claimflow.billing.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.claimflow.billing.config.ClearinghouseConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

/**
 * Clearinghouses that exchange files over SFTP: an agent syncs {@code outbound} to them and their answers
 * into {@code inbound}. An 837 is written under a temporary name and renamed, so the agent never picks up
 * half a file; the same interchange written twice overwrites itself. Handled inbound files move to
 * {@code archive}. The 999 arrives later as an inbound file.
 */
@ApplicationScoped
@Typed(FileDropClearinghouseGateway.class)
public class FileDropClearinghouseGateway implements ClearinghouseGateway {

    private static final Pattern ST01 = Pattern.compile("ST.(\\d{3})");
    private static final Pattern ISA13 = Pattern.compile("^ISA(.)(?:[^\\n]*?\\1){12}(\\d{9})");

    private final ClearinghouseConfig config;

    public FileDropClearinghouseGateway(ClearinghouseConfig config) {
        this.config = config;
    }

    @Override
    public Optional<String> submit(String interchangeControlNumber, String x12) {
        Path outbound = config.fileDrop().outbound();
        try {
            Files.createDirectories(outbound);
            Path target = outbound.resolve("837P-" + interchangeControlNumber + ".x12");
            Path temp = outbound.resolve(".837P-" + interchangeControlNumber + ".x12.part");
            Files.writeString(temp, x12, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new ClearinghouseUnavailableException("could not write to the outbound folder", e);
        }
    }

    @Override
    public List<InboundFile> inbound() {
        Path inbound = config.fileDrop().inbound();
        if (!Files.isDirectory(inbound)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(inbound)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(FileDropClearinghouseGateway::modified).thenComparing(Path::toString))
                    .map(this::describe)
                    .toList();
        } catch (IOException e) {
            throw new ClearinghouseUnavailableException("could not list the inbound folder", e);
        }
    }

    @Override
    public String read(InboundFile file) {
        try {
            return Files.readString(config.fileDrop().inbound().resolve(file.id()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ClearinghouseUnavailableException("could not read an inbound file", e);
        }
    }

    @Override
    public void acknowledge(InboundFile file) {
        Path source = config.fileDrop().inbound().resolve(file.id());
        try {
            Files.createDirectories(config.fileDrop().archive());
            if (Files.exists(source)) {
                Files.move(source, config.fileDrop().archive().resolve(file.id()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ClearinghouseUnavailableException("could not archive an inbound file", e);
        }
    }

    private InboundFile describe(Path path) {
        String head;
        try {
            head = readHead(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher st = ST01.matcher(head);
        String type = st.find() ? st.group(1) : "unknown";
        if ("277".equals(type)) {
            type = InboundFile.CLAIM_ACK_277CA;
        }
        Matcher isa = ISA13.matcher(head.stripLeading());
        return new InboundFile(path.getFileName().toString(), type, isa.find() ? isa.group(2) : null);
    }

    private static String readHead(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        return new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.UTF_8);
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
