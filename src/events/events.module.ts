import { Global, Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail';
import { CommittedEvents } from './committed-events';
import { EventStore } from './event-store';
import { SocketContract } from './socket-contract';
import { UnitOfWork } from './unit-of-work';

/**
 * The event log every feature writes through, the socket contract features register their streams in, and the audit
 * trail they report moderators' actions to.
 */
@Global()
@Module({
  providers: [UnitOfWork, CommittedEvents, EventStore, SocketContract, AuditTrail],
  exports: [UnitOfWork, CommittedEvents, EventStore, SocketContract, AuditTrail],
})
export class EventsModule {}
