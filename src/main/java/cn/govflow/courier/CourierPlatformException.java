package cn.govflow.courier;

/** The courier platform did not book the shipment (down, slow, or refusing): the job fails and retries. */
class CourierPlatformException extends RuntimeException {

    CourierPlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
