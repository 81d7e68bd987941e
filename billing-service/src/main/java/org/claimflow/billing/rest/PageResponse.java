package org.claimflow.billing.rest;

import java.util.List;

/** The list shape shared by every Claimflow API. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
