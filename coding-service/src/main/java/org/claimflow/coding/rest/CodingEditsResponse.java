package org.claimflow.coding.rest;

import java.util.List;

import org.claimflow.coding.domain.EncounterStatus;
import org.claimflow.coding.domain.Finding;

/**
 * The result of a dry run of the coding edits.
 *
 * @param status what intake would do with this encounter: CODED (no error) or NEEDS_REVIEW
 */
public record CodingEditsResponse(EncounterStatus status, List<Finding> findings) {
}
