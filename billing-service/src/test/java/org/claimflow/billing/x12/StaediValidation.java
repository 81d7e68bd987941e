package org.claimflow.billing.x12;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;

/** Re-reads X12 text through StAEDI with the envelope schema and our 837P schema, collecting every error. */
final class StaediValidation {

    private StaediValidation() {
    }

    /** "TAG@segment elementNN ERROR" for each error StAEDI reports; empty when the text is valid. */
    static List<String> errorsAgainst837Schema(String x12) throws Exception {
        List<String> errors = new ArrayList<>();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        try (EDIStreamReader reader = factory.createEDIStreamReader(
                new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)), X12Schemas.control())) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event == EDIStreamEvent.START_TRANSACTION) {
                    reader.setTransactionSchema(X12Schemas.professionalClaim());
                } else if (event == EDIStreamEvent.SEGMENT_ERROR || event == EDIStreamEvent.ELEMENT_DATA_ERROR
                        || event == EDIStreamEvent.ELEMENT_OCCURRENCE_ERROR) {
                    errors.add("%s@%d element%02d %s".formatted(reader.getLocation().getSegmentTag(),
                            reader.getLocation().getSegmentPosition(), reader.getLocation().getElementPosition(),
                            reader.getErrorType()));
                }
            }
        }
        return errors;
    }
}
