/**
 * The X12 5010 layer of billing: plain Java on StAEDI, no CDI.
 * <ul>
 * <li>{@link org.claimflow.billing.x12.ProfessionalClaimWriter} writes a {@link org.claimflow.billing.x12.ClaimBatch}
 * as an 837P (005010X222A1) after the {@link org.claimflow.billing.x12.ProfessionalClaimPolicy} business checks,
 * validating the output on write against StAEDI's envelope schema and {@code x12/837P-005010X222A1.xml}; an
 * invalid batch fails with {@link org.claimflow.billing.x12.X12ValidationException} and nothing is written.</li>
 * <li>{@link org.claimflow.billing.x12.RemittanceReader} reads 835 remittances;
 * {@link org.claimflow.billing.x12.RemittanceBalancePolicy} checks the TR3 balancing equations.</li>
 * <li>{@link org.claimflow.billing.x12.AcknowledgmentReader} reads 999 and 277CA acknowledgments.</li>
 * </ul>
 * Reading is lenient about the envelope (a wrong SE01 count, control numbers that differ between header and
 * trailer, a byte-order mark, line breaks between segments, a missing final terminator: warnings on the
 * result) and strict about content: a damaged ISA, a syntax error, a truncated file (an interchange, group
 * or transaction never closed) or an unreadable amount is an {@link org.claimflow.billing.x12.X12ParseException};
 * no partial result is ever returned. Messages and warnings name segments and positions, never data; the
 * records that hold names, member ids, birth dates or addresses redact them in {@code toString}.
 */
package org.claimflow.billing.x12;
