package cn.govflow.courier;

import cn.govflow.catalog.Department;
import cn.govflow.catalog.DepartmentDirectory;
import cn.govflow.catalog.District;
import cn.govflow.process.CaseVariables;
import cn.govflow.process.ContractElements;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands paper to the unified courier platform (R10, R21) and takes its delivery events. One shipment per case
 * and purpose: the platform sees the same idempotency key on every retry, and gf_shipment's UNIQUE(case_number,
 * purpose) keeps govflow's record single.
 */
@Service
public class CourierService {

    /** What the hand-off delegate knows about the case. */
    public record HandOff(
            String caseNumber,
            CourierPurpose purpose,
            CourierRecipient recipient,
            String district,
            String department,
            String departmentName,
            String itemName,
            String applicantName) {}

    /** A booked shipment as govflow records it. */
    public record Shipment(
            String caseNumber,
            CourierPurpose purpose,
            String trackingNumber,
            String recipientName,
            String recipientAddress,
            Instant bookedAt,
            Instant deliveredAt) {}

    private final ShipmentRepository shipments;
    private final CourierPlatformClient platform;
    private final RecipientAddresses addresses;
    private final DepartmentDirectory departments;
    private final RuntimeService runtime;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    CourierService(
            ShipmentRepository shipments,
            CourierPlatformClient platform,
            RecipientAddresses addresses,
            DepartmentDirectory departments,
            RuntimeService runtime,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.clock = clock;
        this.shipments = shipments;
        this.platform = platform;
        this.addresses = addresses;
        this.departments = departments;
        this.runtime = runtime;
        this.ownTransaction = new TransactionTemplate(transactions);
        // The booking happened at the platform: record it even if the job fails afterwards.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Books the case's shipment for this purpose, or returns the one already booked. */
    public Shipment handOff(HandOff handOff) {
        String purpose = handOff.purpose().name();
        Optional<Shipment> existing = find(handOff.caseNumber(), handOff.purpose());
        if (existing.isPresent()) {
            return existing.get();
        }
        ShipmentOrder order = order(handOff);
        String key = idempotencyKey(handOff.caseNumber(), handOff.purpose());
        String trackingNumber = platform.book(order, key);
        try {
            ownTransaction.executeWithoutResult(status -> shipments.insert(
                    handOff.caseNumber(),
                    purpose,
                    key,
                    trackingNumber,
                    handOff.recipient().name(),
                    order,
                    clock.instant()));
        } catch (DuplicateKeyException concurrentHandOff) {
            // a concurrent execution recorded it first; the platform gave it the same tracking number
        }
        return find(handOff.caseNumber(), handOff.purpose()).orElseThrow();
    }

    public Optional<Shipment> find(String caseNumber, CourierPurpose purpose) {
        return shipments.find(caseNumber, purpose.name()).map(CourierService::shipment);
    }

    static String idempotencyKey(String caseNumber, CourierPurpose purpose) {
        return caseNumber + ":" + purpose.name();
    }

    /**
     * Records a delivery event and lets the waiting process continue. Unknown case or tracking number: 404;
     * already delivered or nothing waiting: 409, and nothing changes (the transaction rolls back).
     */
    @Transactional
    public Shipment delivered(String caseNumber, String trackingNumber, Instant at) {
        ShipmentRepository.Shipment shipment = shipments
                .findByTrackingNumber(trackingNumber)
                .filter(s -> s.caseNumber().equals(caseNumber))
                .orElseThrow(() -> new CourierEventException.Unknown(caseNumber, trackingNumber));
        Instant deliveredAt = at == null ? clock.instant() : at;
        if (shipments.markDelivered(shipment.id(), deliveredAt) == 0) {
            throw new CourierEventException.AlreadyDelivered(
                    trackingNumber,
                    shipments
                            .findByTrackingNumber(trackingNumber)
                            .map(ShipmentRepository.Shipment::deliveredAt)
                            .orElse(null));
        }
        try {
            runtime.createMessageCorrelation(ContractElements.MESSAGE_COURIER_DELIVERED)
                    .processInstanceBusinessKey(caseNumber)
                    .processInstanceVariableEquals(CaseVariables.TRACKING_NUMBER, trackingNumber)
                    .setVariable(CaseVariables.DELIVERED_AT, java.util.Date.from(deliveredAt))
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new CourierEventException.NothingWaiting(caseNumber, trackingNumber);
        }
        return shipments
                .findByTrackingNumber(trackingNumber)
                .map(CourierService::shipment)
                .orElseThrow();
    }

    private ShipmentOrder order(HandOff handOff) {
        Optional<District> district = District.fromCode(handOff.district() == null ? "" : handOff.district());
        String hall = district.map(d -> d.displayName() + "政务服务中心综合窗口").orElse("上海市政务服务中心综合窗口");
        String cityDepartment = Optional.ofNullable(handOff.department())
                .flatMap(departments::find)
                .map(Department::name)
                .orElse(handOff.departmentName());

        String recipientName;
        String phone = null;
        String address;
        switch (handOff.recipient()) {
            case APPLICANT -> {
                RecipientAddresses.PostalAddress postal = addresses
                        .applicantAddress(handOff.caseNumber())
                        .orElseThrow(() -> new CourierRefusedException(
                                "办件 " + handOff.caseNumber() + " 没有申请人的送达地址，无法寄送给申请人", null));
                recipientName = postal.name() == null ? handOff.applicantName() : postal.name();
                phone = postal.phone();
                address = postal.address();
            }
            case HALL -> {
                recipientName = hall;
                address = hall;
            }
            case CITY_DEPARTMENT -> {
                if (cityDepartment == null) {
                    throw new IllegalStateException("办件 " + handOff.caseNumber() + " 没有承办部门，无法寄送市级部门");
                }
                recipientName = cityDepartment;
                address = cityDepartment;
            }
            default -> throw new IllegalStateException("unknown recipient " + handOff.recipient());
        }
        // Paper materials leave the receiving hall; results and returned materials leave the deciding department.
        String sender =
                handOff.purpose() == CourierPurpose.PAPER_MATERIALS || cityDepartment == null ? hall : cityDepartment;
        String contents = handOff.purpose().displayName() + "：" + (handOff.itemName() == null ? "" : handOff.itemName())
                + "（办件编号 " + handOff.caseNumber() + "）";
        return new ShipmentOrder(
                handOff.caseNumber(), handOff.purpose().name(), sender, recipientName, phone, address, contents);
    }

    private static Shipment shipment(ShipmentRepository.Shipment s) {
        return new Shipment(
                s.caseNumber(),
                CourierPurpose.valueOf(s.purpose()),
                s.trackingNumber(),
                s.recipientName(),
                s.recipientAddress(),
                s.bookedAt(),
                s.deliveredAt());
    }
}
