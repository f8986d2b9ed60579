/**
 * The item catalog (事项目录) of the 2022 notice: items, handling modes, scopes, receivers and each item's plan
 * (R4, R5, R22), read from {@code config/catalog/} and validated at start-up; {@link cn.govflow.catalog.CatalogService}.
 */
package cn.govflow.catalog;
