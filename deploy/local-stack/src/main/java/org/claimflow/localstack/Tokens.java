package org.claimflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Signed bearer tokens (RS256 JWTs) for the local run and the tests: the services verify them with SmallRye JWT
 * against the public key and issuer this class hands out, exactly as they verify a real identity provider's
 * tokens in production. There is no switch that turns verification off; whoever calls the APIs locally mints a
 * token here.
 * <p>
 * A token carries the practice ({@code practice}), the user ({@code upn} and {@code sub}) and the roles
 * ({@code groups}). Lifetimes are short (15 minutes unless asked otherwise): the services honour {@code exp}.
 */
public final class Tokens {

    /** The issuer of the local stack's and the tests' tokens; the services are configured with it. */
    public static final String ISSUER = "https://claimflow.local/issuer";
    /** The practice the demo, the tests' default token and the system tests act in. */
    public static final String DEMO_PRACTICE = "demo-practice";
    public static final List<String> ROLES = List.of("pms-client", "coder", "biller", "front-desk", "denial-specialist", "admin");
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String TEST_KEY_DIR = "claimflow.test-jwt.dir";
    private static Tokens forThisJvm;

    private final KeyPair keys;
    private final String issuer;

    private Tokens(KeyPair keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    /** A fresh 2048-bit RSA key pair. */
    public static Tokens generate(String issuer) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new Tokens(generator.generateKeyPair(), issuer);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /**
     * One key pair per JVM (the tests of one module): generated the first time it is asked for. Kept in a directory a
     * system property names, because Quarkus loads the test resource and the tests in class loaders of their own and
     * both must sign with the key the service trusts.
     */
    public static synchronized Tokens forThisJvm() {
        if (forThisJvm == null) {
            synchronized (System.class) {
                String dir = System.getProperty(TEST_KEY_DIR);
                if (dir == null) {
                    try {
                        Path target = Path.of("target");
                        Path base = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
                        dir = Files.createTempDirectory(base.toAbsolutePath(), "test-jwt-").toString();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    forThisJvm = loadOrCreate(Path.of(dir));
                    System.setProperty(TEST_KEY_DIR, dir);
                } else {
                    forThisJvm = loadOrCreate(Path.of(dir));
                }
            }
        }
        return forThisJvm;
    }

    /** The public key file of {@link #forThisJvm()}. */
    public static Path testPublicKey() {
        forThisJvm();
        return Path.of(System.getProperty(TEST_KEY_DIR), "public.pem");
    }

    /**
     * The key pair of a local system, kept in {@code dir} ({@code private.pem}, {@code public.pem}) so that
     * {@code ./claimflow token} mints tokens the running services accept; generated on first use.
     */
    public static Tokens loadOrCreate(Path dir) {
        Path privateFile = dir.resolve("private.pem");
        Path publicFile = dir.resolve("public.pem");
        try {
            if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBody(Files.readString(privateFile))));
                PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(pemBody(Files.readString(publicFile))));
                return new Tokens(new KeyPair(publicKey, privateKey), ISSUER);
            }
            Tokens tokens = generate(ISSUER);
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "private", ".tmp");
            Files.writeString(tmp, pem("PRIVATE KEY", tokens.keys.getPrivate().getEncoded()));
            tmp.toFile().setReadable(false, false);
            tmp.toFile().setReadable(true, true);
            Files.move(tmp, privateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tokens.writePublicKey(publicFile);
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable key pair in " + dir + ": delete it to make a new one", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The public key as PEM, what {@code mp.jwt.verify.publickey.location} points at. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    /** Writes the public key (PEM) to {@code file} and returns it. */
    public Path writePublicKey(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, publicKeyPem());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service configuration that makes a service accept this key pair's tokens. */
    public Map<String, String> serviceConfig(Path publicKeyFile) {
        return Map.of("mp.jwt.verify.publickey.location", publicKeyFile.toAbsolutePath().toUri().toString(),
                "mp.jwt.verify.issuer", issuer);
    }

    /** A token for {@code user} of {@code practice} with {@code roles}, valid for {@link #LIFETIME}. */
    public String mint(String practice, String user, Collection<String> roles) {
        return mint(practice, user, roles, LIFETIME);
    }

    public String mint(String practice, String user, Collection<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        return sign(claims(practice, user, roles, now, now.plus(lifetime)));
    }

    /**
     * The {@code Authorization} header value for {@code user} of {@code practice} with {@code roles}, minted again once a
     * third of the lifetime is left (thread-safe): what a long-running client such as the fault run sends.
     */
    public java.util.function.Supplier<String> bearer(String practice, String user, Collection<String> roles) {
        List<String> fixedRoles = List.copyOf(roles);
        return new java.util.function.Supplier<>() {
            private String header;
            private Instant renewAt = Instant.MIN;

            @Override
            public synchronized String get() {
                Instant now = Instant.now();
                if (now.isAfter(renewAt)) {
                    header = "Bearer " + mint(practice, user, fixedRoles);
                    renewAt = now.plus(LIFETIME.multipliedBy(2).dividedBy(3));
                }
                return header;
            }
        };
    }

    /** Every role, for the tests' default caller. */
    public String admin(String practice, String user) {
        return mint(practice, user, ROLES);
    }

    /** The claims a token of {@link #mint} carries, for a test that changes one of them before {@link #sign}. */
    public Map<String, Object> claims(String practice, String user, Collection<String> roles, Instant issuedAt, Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", user);
        claims.put("upn", user);
        claims.put("groups", List.copyOf(roles));
        if (practice != null) {
            claims.put("practice", practice);
        }
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    /** Signs any set of claims with RS256. */
    public String sign(Map<String, Object> claims) {
        String signingInput = segment(Map.of("alg", "RS256", "typ", "JWT")) + "." + segment(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    /** The same claims as an unsigned token ({@code alg=none}), which every service must refuse. */
    public static String unsigned(Map<String, Object> claims) {
        return segment(Map.of("alg", "none", "typ", "JWT")) + "." + segment(claims) + ".";
    }

    private static String segment(Map<String, ?> json) {
        try {
            return URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] pemBody(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    /**
     * {@code ./claimflow token --practice demo-practice --user ann --roles coder,biller [--minutes 15]}: prints a
     * token the running local system accepts (its key pair lives in {@code .claimflow/jwt/}).
     */
    public static void main(String[] args) {
        String practice = DEMO_PRACTICE;
        String user = "demo-user";
        List<String> roles = ROLES;
        long minutes = LIFETIME.toMinutes();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--practice" -> practice = args[++i];
                case "--user" -> user = args[++i];
                case "--roles" -> roles = List.of(args[++i].split(","));
                case "--minutes" -> minutes = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]
                            + "; usage: token --practice P --user U --roles r1,r2 [--minutes M]; roles: " + String.join(",", ROLES));
                    System.exit(2);
                }
            }
        }
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                System.err.println("unknown role " + role + "; roles: " + String.join(",", ROLES));
                System.exit(2);
            }
        }
        Path dir = ClaimflowSystem.Options.defaults(ServiceProcess.projectRoot()).workDir().resolve("jwt");
        System.out.println(loadOrCreate(dir).mint(practice, user, roles, Duration.ofMinutes(minutes)));
    }
}
