import { Injectable } from '@nestjs/common';
import { TransparencySummaryDto, WeekSummaryDto } from './dto/log.dto';
import { AppealRepository } from './appeal.repository';
import { ModerationLogRepository } from './moderation-log.repository';

const DAY_MS = 86_400_000;

/** The public weekly summary: what was enforced, for which rule, and how appeals turned out. */
@Injectable()
export class TransparencyService {
  constructor(
    private readonly log: ModerationLogRepository,
    private readonly appeals: AppealRepository,
  ) {}

  async summary(weeks: number): Promise<TransparencySummaryDto> {
    const [actions, decided, appealsOpen] = await Promise.all([
      this.log.weekly(weeks),
      this.appeals.weekly(weeks),
      this.appeals.openCount(),
    ]);
    const summary: WeekSummaryDto[] = mondays(weeks).map((weekStart) => {
      const appeals = decided.find((row) => row.week_start === weekStart);
      return {
        weekStart,
        // Appeal outcomes are counted apart, below.
        counts: actions
          .filter(
            (row) => row.week_start === weekStart && row.action !== 'uphold_appeal' && row.action !== 'reverse_appeal',
          )
          .map((row) => ({ category: row.category ?? 'other', action: row.action, count: row.count })),
        appealsDecided: appeals?.decided ?? 0,
        appealsReversed: appeals?.reversed ?? 0,
      };
    });
    return {
      weeks: summary,
      appealsDecided: summary.reduce((sum, week) => sum + week.appealsDecided, 0),
      appealsReversed: summary.reduce((sum, week) => sum + week.appealsReversed, 0),
      appealsOpen,
    };
  }
}

/** The Mondays (UTC, as PostgreSQL's date_trunc('week') has them) of the last `weeks` weeks, oldest first. */
function mondays(weeks: number, now = new Date()): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const thisMonday = today - ((now.getUTCDay() + 6) % 7) * DAY_MS;
  return Array.from({ length: weeks }, (_, i) =>
    new Date(thisMonday - (weeks - 1 - i) * 7 * DAY_MS).toISOString().slice(0, 10),
  );
}
