package org.claimflow.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode part(String token, int index) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.", -1)[index]));
    }

    private static boolean verifies(String token, String publicKeyPem) throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(publicKeyPem.replaceAll("-----[A-Z ]+-----", ""))));
        String[] parts = token.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    @Test
    void mintsAShortLivedRs256TokenNamingPracticeUserAndRoles() throws Exception {
        Tokens tokens = Tokens.generate(Tokens.ISSUER);
        String token = tokens.mint("demo-practice", "ann", List.of("coder", "biller"), Duration.ofMinutes(5));
        assertEquals("RS256", part(token, 0).path("alg").asText());
        JsonNode claims = part(token, 1);
        assertEquals(Tokens.ISSUER, claims.path("iss").asText());
        assertEquals("ann", claims.path("upn").asText());
        assertEquals("demo-practice", claims.path("practice").asText());
        assertEquals(List.of("coder", "biller"), List.of(claims.path("groups").get(0).asText(), claims.path("groups").get(1).asText()));
        long lifetime = claims.path("exp").asLong() - claims.path("iat").asLong();
        assertEquals(300, lifetime);
        assertTrue(verifies(token, tokens.publicKeyPem()));
        assertFalse(verifies(token, Tokens.generate(Tokens.ISSUER).publicKeyPem()), "another key does not verify it");
    }

    @Test
    void anUnsignedTokenSaysAlgNoneAndHasNoSignature() throws Exception {
        Tokens tokens = Tokens.generate(Tokens.ISSUER);
        String token = Tokens.unsigned(tokens.claims("p", "u", List.of("admin"), Instant.now(), Instant.now().plusSeconds(60)));
        assertEquals("none", part(token, 0).path("alg").asText());
        assertTrue(token.endsWith("."));
    }

    @Test
    void aLocalSystemKeepsItsKeyPairSoTheTokenCommandMintsTokensTheServicesAccept(@TempDir Path dir) throws Exception {
        Tokens first = Tokens.loadOrCreate(dir);
        Tokens again = Tokens.loadOrCreate(dir);
        assertEquals(first.publicKeyPem(), again.publicKeyPem());
        assertEquals(first.publicKeyPem(), Files.readString(dir.resolve("public.pem")));
        assertTrue(verifies(again.mint("demo-practice", "ann", List.of("coder")), Files.readString(dir.resolve("public.pem"))));
        assertTrue(first.serviceConfig(dir.resolve("public.pem")).get("mp.jwt.verify.publickey.location").startsWith("file:"));
    }

    @Test
    void theBearerSupplierReusesItsTokenUntilItIsDueForRenewal() {
        var bearer = Tokens.generate(Tokens.ISSUER).bearer("demo-practice", "demo-pms", List.of("pms-client"));
        String header = bearer.get();
        assertTrue(header.startsWith("Bearer "));
        assertEquals(header, bearer.get());
    }
}
