package io.vertomic.query.plan;

import io.vertomic.datom.IndexOrder;

/**
 * What running a data pattern once costs: the index it reads, the rows it yields and the datoms it
 * touches to find them (more than the rows where a value is filtered on a scan).
 */
public record Estimate(IndexOrder index, long rows, long touched) {}
