package org.claimflow.billing.x12;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIStreamConstants.Standards;

/** StAEDI schemas, parsed once per JVM: the X12 00501 envelope and our 837P transaction schema. */
final class X12Schemas {

    static final String PROFESSIONAL_CLAIM_RESOURCE = "/x12/837P-005010X222A1.xml";

    private static final Schema CONTROL;
    private static final Schema PROFESSIONAL_CLAIM;

    static {
        SchemaFactory factory = SchemaFactory.newFactory();
        try (InputStream schema = X12Schemas.class.getResourceAsStream(PROFESSIONAL_CLAIM_RESOURCE)) {
            if (schema == null) {
                throw new IllegalStateException("missing resource " + PROFESSIONAL_CLAIM_RESOURCE);
            }
            CONTROL = factory.getControlSchema(Standards.X12, new String[] {"00501"});
            PROFESSIONAL_CLAIM = factory.createSchema(schema);
        } catch (EDISchemaException e) {
            throw new IllegalStateException("invalid X12 schema " + PROFESSIONAL_CLAIM_RESOURCE, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private X12Schemas() {
    }

    static Schema control() {
        return CONTROL;
    }

    static Schema professionalClaim() {
        return PROFESSIONAL_CLAIM;
    }
}
