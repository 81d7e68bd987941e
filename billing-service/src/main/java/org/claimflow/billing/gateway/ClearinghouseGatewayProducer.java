package org.claimflow.billing.gateway;

import org.claimflow.billing.config.ClearinghouseConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** Picks the adapter named by {@code claimflow.clearinghouse.adapter}: {@code sandbox} or {@code file-drop}. */
@ApplicationScoped
public class ClearinghouseGatewayProducer {

    @Produces
    @ApplicationScoped
    ClearinghouseGateway gateway(ClearinghouseConfig config, Instance<SandboxClearinghouseGateway> sandbox,
                                 Instance<FileDropClearinghouseGateway> fileDrop) {
        return switch (config.adapter()) {
            case "sandbox" -> sandbox.get();
            case "file-drop" -> fileDrop.get();
            default -> throw new IllegalStateException("claimflow.clearinghouse.adapter must be sandbox or file-drop, not "
                    + config.adapter());
        };
    }
}
