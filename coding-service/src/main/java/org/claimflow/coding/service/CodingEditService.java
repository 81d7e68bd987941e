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

    /** The dry run: the findings intake would produce, nothing stored. */
    public List<Finding> check(EncounterRequest request) {
        return check(EncounterService.toCoded(request));
    }
}
