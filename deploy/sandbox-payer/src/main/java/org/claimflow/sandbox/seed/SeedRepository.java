package org.claimflow.sandbox.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.claimflow.sandbox.config.SandboxConfig;

/** Read-only access to the seed data, loaded once at start-up. */
@ApplicationScoped
public class SeedRepository {

    static final String BUNDLED_SEED = "sandbox/seed.json";

    private final SandboxConfig config;
    private final ObjectMapper mapper;
    private SeedData seed;
    private Map<String, Payer> payersById;

    SeedRepository(SandboxConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    @PostConstruct
    void load() {
        try (InputStream in = open()) {
            seed = mapper.readValue(in, SeedData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox seed data", e);
        }
        payersById = seed.payers().stream().collect(Collectors.toUnmodifiableMap(Payer::payerId, Function.identity()));
    }

    private InputStream open() throws IOException {
        if (config.seedFile().isPresent()) {
            return Files.newInputStream(Path.of(config.seedFile().get()));
        }
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED_SEED);
        if (in == null) {
            throw new IOException("Missing classpath resource " + BUNDLED_SEED);
        }
        return in;
    }

    public SeedData data() {
        return seed;
    }

    public List<Payer> payers() {
        return seed.payers();
    }

    public List<Member> members() {
        return seed.members();
    }

    public Optional<Payer> payer(String payerId) {
        return Optional.ofNullable(payerId).map(payersById::get);
    }

    /** A member is known only to its own payer. */
    public Optional<Member> member(String payerId, String memberId) {
        return seed.members().stream()
                .filter(m -> m.payerId().equals(payerId) && m.memberId().equals(memberId))
                .findFirst();
    }
}
