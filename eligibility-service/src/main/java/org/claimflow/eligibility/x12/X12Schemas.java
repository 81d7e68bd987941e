package org.claimflow.eligibility.x12;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIStreamConstants.Standards;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The StAEDI schemas of the eligibility transactions, loaded once; StAEDI schemas are read-only after loading. */
public final class X12Schemas {

    /** Classpath location of the 270 005010X279A1 transaction schema. */
    public static final String INQUIRY_270_RESOURCE = "/x12/270-005010X279A1.xml";
    /** ISA12 of the 5010 envelope. */
    public static final String INTERCHANGE_VERSION_00501 = "00501";

    private X12Schemas() {
    }

    /**
     * Loads both schemas now rather than on the first check: parsing the 270 schema takes far longer than a check's
     * whole overhead budget. It also fills StAEDI's own cache of control schemas (an unsynchronised map, which the
     * reader consults on every interchange) before any request thread reads it.
     */
    public static void preload() {
        inquiry270();
        control00501();
    }

    /** Transaction schema of the 270 (005010X279A1): set it on a reader at START_TRANSACTION, or on a writer. */
    public static Schema inquiry270() {
        return Holder.INQUIRY_270;
    }

    /** StAEDI's envelope (ISA/GS/ST … SE/GE/IEA) schema for the 00501 interchange version. */
    public static Schema control00501() {
        return Holder.CONTROL_00501;
    }

    private static final class Holder {
        static final Schema INQUIRY_270 = loadInquiry270();
        static final Schema CONTROL_00501 = loadControl();

        private static Schema loadInquiry270() {
            try (InputStream in = X12Schemas.class.getResourceAsStream(INQUIRY_270_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing classpath resource " + INQUIRY_270_RESOURCE);
                }
                return SchemaFactory.newFactory().createSchema(in);
            } catch (EDISchemaException e) {
                throw new IllegalStateException("Invalid schema " + INQUIRY_270_RESOURCE, e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Schema loadControl() {
            try {
                return SchemaFactory.newFactory().getControlSchema(Standards.X12, new String[] { INTERCHANGE_VERSION_00501 });
            } catch (EDISchemaException e) {
                throw new IllegalStateException("StAEDI has no X12 control schema for " + INTERCHANGE_VERSION_00501, e);
            }
        }
    }
}
