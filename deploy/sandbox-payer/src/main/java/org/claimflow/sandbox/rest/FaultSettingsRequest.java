package org.claimflow.sandbox.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.claimflow.sandbox.fault.FaultMode;

/** @param delayMillis used by SLOW; at most two minutes */
public record FaultSettingsRequest(@NotNull FaultMode mode, @PositiveOrZero @Max(120_000) Long delayMillis) {
}
