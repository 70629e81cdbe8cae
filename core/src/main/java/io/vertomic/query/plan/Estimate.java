package io.vertomic.query.plan;

import io.vertomic.datom.IndexOrder;

/** The index a data pattern would read and about how many datoms it would touch. */
public record Estimate(IndexOrder index, long rows) {}
