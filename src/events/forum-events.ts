import type { Type } from '@nestjs/common';

/**
 * Every event a client can receive: its type → its payload. This file only declares the map; each feature adds its
 * own events from its `<feature>.events.ts` by declaration merging, so the map is complete wherever it is used
 * (EventLog.append, the publisher, the AsyncAPI document, the client's generated types) while `events/` imports no
 * feature. Appending a type that is not in the map, or a payload of the wrong shape, does not compile.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface ForumEvents {}

export type ForumEventType = keyof ForumEvents;

/** A feature's events, type → the DTO class that documents its payload (the AsyncAPI document reads these). */
export type EventPayloadClasses = Readonly<Record<string, Type<object>>>;

/** The payload types of a feature's events, to merge into ForumEvents. */
export type PayloadsOf<Classes extends EventPayloadClasses> = { [K in keyof Classes]: InstanceType<Classes[K]> };
