import { Global, Module } from '@nestjs/common';
import { CommittedEvents } from './committed-events';
import { EventStore } from './event-store';
import { UnitOfWork } from './unit-of-work';

/** The event log every feature writes through and the realtime module reads from. */
@Global()
@Module({
  providers: [UnitOfWork, CommittedEvents, EventStore],
  exports: [UnitOfWork, CommittedEvents, EventStore],
})
export class EventsModule {}
