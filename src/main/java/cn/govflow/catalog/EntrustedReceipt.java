package cn.govflow.catalog;

/** The entrusted-receipt part of an item (annex 3 and its 一事一方案 plan, R18, R22). */
public record EntrustedReceipt(
        Receivers receivers, String receiptContent, AcceptanceAt acceptanceAt, boolean paperMaterials) {}
