package cn.govflow.courier;

/** What govflow asks the courier platform to carry (the platform's booking request). */
record ShipmentOrder(
        String caseNumber,
        String purpose,
        String sender,
        String recipientName,
        String recipientPhone,
        String recipientAddress,
        String contents) {}
