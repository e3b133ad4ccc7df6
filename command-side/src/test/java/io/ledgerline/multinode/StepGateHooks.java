package io.ledgerline.multinode;

import io.ledgerline.command.account.CreditAccountForTransferCommand;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.deadline.DeadlineManager;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Test-only: wires {@link StepGate} into a node's command bus and deadline manager. */
@Configuration(proxyBeanMethods = false)
class StepGateHooks {

    @Bean
    SmartInitializingSingleton stepGateInterceptors(CommandBus commandBus, DeadlineManager deadlineManager) {
        return () -> {
            commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
                if (unitOfWork.getMessage().getPayload() instanceof CreditAccountForTransferCommand credit) {
                    StepGate.INSTANCE.passCredit(credit.transferId());
                }
                return chain.proceed();
            });
            deadlineManager.registerHandlerInterceptor((unitOfWork, chain) -> {
                unitOfWork.onCleanup(done -> StepGate.INSTANCE.deadlineRun());
                return chain.proceed();
            });
        };
    }
}
