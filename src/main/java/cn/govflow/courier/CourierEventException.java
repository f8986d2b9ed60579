package cn.govflow.courier;

import java.time.Instant;

/** A delivery event govflow cannot take (404 or 409 ProblemDetail). */
abstract sealed class CourierEventException extends RuntimeException {

    CourierEventException(String message) {
        super(message);
    }

    static final class Unknown extends CourierEventException {
        Unknown(String caseNumber, String trackingNumber) {
            super("办件 " + caseNumber + " 没有运单号为 " + trackingNumber + " 的寄件");
        }
    }

    static final class AlreadyDelivered extends CourierEventException {
        AlreadyDelivered(String trackingNumber, Instant deliveredAt) {
            super("运单 " + trackingNumber + " 已于 " + deliveredAt + " 登记送达，重复的送达事件不作处理");
        }
    }

    static final class NothingWaiting extends CourierEventException {
        NothingWaiting(String caseNumber, String trackingNumber) {
            super("办件 " + caseNumber + " 当前没有等待运单 " + trackingNumber + " 送达的环节");
        }
    }
}
