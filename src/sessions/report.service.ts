import { Injectable } from '@nestjs/common';
import { Actor } from '../common/auth/actor';
import { PostReader } from '../posts/post-reader.service';
import { ReportDto, ReportShiftDto } from './dto/report.dto';
import { PollsService } from './polls.service';
import { QuestionsService } from './questions.service';
import { countPeople, opinionShift, tally } from './report/opinion-shift';
import { SessionsService } from './sessions.service';
import { toSessionDto } from './session-view';

const TOP_POSTS = 5;

/** A session's report for its organiser and admins: who took part, what was written, voted and asked. */
@Injectable()
export class ReportService {
  constructor(
    private readonly sessions: SessionsService,
    private readonly polls: PollsService,
    private readonly questions: QuestionsService,
    private readonly posts: PostReader,
  ) {}

  async report(actor: Actor, sessionId: string): Promise<ReportDto> {
    const { session, polls, votes } = await this.polls.forReport(actor, sessionId);
    const now = new Date();
    // Posts count from the start to the end (or now); a session never started has none.
    const window = session.startedAt ? { from: session.startedAt, to: session.endedAt ?? now } : null;
    const [activity, topPosts, { questions, upvoterIds }, attendeeIds] = await Promise.all([
      window
        ? this.posts.activity(session.debateIds, window.from, window.to)
        : { total: 0, byStance: { pro: 0, contra: 0, neutral: 0 }, authorIds: [] },
      window ? this.posts.top(session.debateIds, window.from, window.to, TOP_POSTS) : [],
      this.questions.forReport(sessionId),
      this.sessions.attendeeIds(sessionId),
    ]);

    const answersOf = (pollId: string) => votes.filter((vote) => vote.pollId === pollId);
    const byId = new Map(polls.map((poll) => [poll.id, poll]));
    const shifts: ReportShiftDto[] = polls.flatMap((post) => {
      const pre = post.pairedPollId ? byId.get(post.pairedPollId) : undefined;
      if (post.kind !== 'post' || !pre) return [];
      return [
        {
          prePollId: pre.id,
          postPollId: post.id,
          question: post.question,
          options: post.options,
          ...opinionShift(post.options.length, answersOf(pre.id), answersOf(post.id)),
        },
      ];
    });

    return {
      session: toSessionDto(session),
      generatedAt: now.toISOString(),
      participants: countPeople(
        attendeeIds,
        votes.map((vote) => vote.userId),
        questions.map((question) => question.authorId),
        upvoterIds,
        activity.authorIds,
      ),
      posts: { total: activity.total, byStance: activity.byStance },
      polls: polls.map((poll) => {
        const counts = tally(answersOf(poll.id), poll.options.length);
        return {
          id: poll.id,
          kind: poll.kind,
          state: poll.state,
          question: poll.question,
          options: poll.options,
          counts,
          total: counts.reduce((sum, count) => sum + count, 0),
          pairedPollId: poll.pairedPollId,
        };
      }),
      shifts,
      questions: questions.map((question) => ({
        id: question.id,
        body: question.body,
        author: question.authorDisplayName,
        upvotes: question.upvotes,
        state: question.state,
        createdAt: question.createdAt.toISOString(),
      })),
      topPosts,
    };
  }
}
