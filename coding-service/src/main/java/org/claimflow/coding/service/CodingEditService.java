package org.claimflow.coding.service;

import java.util.List;

import org.claimflow.coding.codeset.CodeSetCatalog;
import org.claimflow.coding.codeset.CodeSetRepository;
import org.claimflow.coding.domain.CodedEncounter;
import org.claimflow.coding.domain.Finding;
import org.claimflow.coding.domain.edits.CodeSetRows;
import org.claimflow.coding.domain.edits.CodeSetVersionPolicy;
import org.claimflow.coding.domain.edits.CodingEditsPolicy;
import org.claimflow.coding.rest.EncounterRequest;

import jakarta.enterprise.context.ApplicationScoped;

/** Runs every coding edit on an encounter with the code-set versions of its date of service. */
@ApplicationScoped
public class CodingEditService {

    private final CodeSetCatalog catalog;
    private final CodeSetRepository codeSets;

    public CodingEditService(CodeSetCatalog catalog, CodeSetRepository codeSets) {
        this.catalog = catalog;
        this.codeSets = codeSets;
    }

    public List<Finding> check(CodedEncounter encounter) {
        if (!catalog.ready()) {
            throw new CodeSetsNotReadyException();
        }
        CodeSetVersionPolicy.Selection selection = CodeSetVersionPolicy.select(catalog.versions(), encounter.dateOfService());
        CodeSetRows rows = codeSets.rowsFor(encounter, selection.versions());
        return CodingEditsPolicy.check(encounter, rows, selection.warnings());
    }

    /** The findings of one edit run, and how long the edit engine took (code-set lookups included). */
    public record Run(List<Finding> findings, long nanos) {
    }

    /** Runs the edits on a request, timed around the edit engine only (not parsing, validation or storage). */
    public Run run(EncounterRequest request) {
        CodedEncounter encounter = EncounterService.toCoded(request);
        long start = System.nanoTime();
        List<Finding> findings = check(encounter);
        return new Run(findings, System.nanoTime() - start);
    }
}
