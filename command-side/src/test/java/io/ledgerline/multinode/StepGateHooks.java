package io.ledgerline.multinode;

import io.ledgerline.command.account.CreditAccountForTransferCommand;
import io.ledgerline.command.transfer.FailTransferCommand;
import io.ledgerline.command.transfer.TransferSaga;
import io.ledgerline.events.AccountDebitedForTransfer;
import io.ledgerline.multinode.StepGate.Point;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Test-only: wires {@link StepGate} into a node's command bus, deadline manager and transfer saga processor. */
@Configuration(proxyBeanMethods = false)
class StepGateHooks {

    private static final StepGate GATE = StepGate.INSTANCE;

    @Autowired
    void holdTheSagaProcessor(EventProcessingConfigurer processing) {
        processing.registerHandlerInterceptor("TransferSagaProcessor", axon -> (unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof AccountDebitedForTransfer debited) {
                GATE.pass(Point.DEBIT_SEEN, debited.transferId());
            }
            return chain.proceed();
        });
    }

    @Bean
    SmartInitializingSingleton stepGateInterceptors(CommandBus commandBus, DeadlineManager deadlineManager) {
        return () -> {
            commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
                Object command = unitOfWork.getMessage().getPayload();
                if (command instanceof CreditAccountForTransferCommand credit) {
                    GATE.pass(Point.CREDIT, credit.transferId());
                }
                if (command instanceof FailTransferCommand failure && TransferSaga.TIMED_OUT.equals(failure.reasonCode())) {
                    GATE.pass(Point.TIMEOUT_FAILURE, failure.transferId());
                }
                return chain.proceed();
            });
            deadlineManager.registerHandlerInterceptor((unitOfWork, chain) -> {
                unitOfWork.onCleanup(done -> GATE.deadlineRun());
                return chain.proceed();
            });
        };
    }
}
