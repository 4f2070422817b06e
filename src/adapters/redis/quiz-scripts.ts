import type { Cluster, Redis } from 'ioredis';
import { DROP_UNPOSTED_ROUND_LUA } from './scripts/drop-unposted-round.lua.js';
import {
  ADVANCE_MOCK_DAY_LUA,
  START_EXAM_LUA,
  SUBMIT_EXAM_LUA,
  UPDATE_EXAM_LUA,
} from './scripts/exam-scripts.lua.js';
import { RECORD_ANSWER_KEYS, RECORD_ANSWER_LUA } from './scripts/record-answer.lua.js';
import { DISMISS_REPORTS_LUA, FILE_REPORT_LUA, RESTORE_QUESTION_LUA } from './scripts/report-scripts.lua.js';
import {
  CLAIM_CLOSE_LUA,
  CREATE_ROUND_LUA,
  MARK_ASKED_LUA,
  MARK_REVEALED_LUA,
  SET_ROUND_MESSAGE_LUA,
} from './scripts/round-scripts.lua.js';
import { JOIN_TEAM_LUA, LEAVE_TEAM_LUA } from './scripts/team-scripts.lua.js';

/** The store's scripts, by the name each is registered under on the client, with their key counts. */
const SCRIPTS = {
  pqRecordAnswer: { lua: RECORD_ANSWER_LUA, numberOfKeys: RECORD_ANSWER_KEYS.length },
  pqCreateRound: { lua: CREATE_ROUND_LUA, numberOfKeys: 3 },
  pqClaimClose: { lua: CLAIM_CLOSE_LUA, numberOfKeys: 2 },
  pqMarkRevealed: { lua: MARK_REVEALED_LUA, numberOfKeys: 1 },
  pqDropUnpostedRound: { lua: DROP_UNPOSTED_ROUND_LUA, numberOfKeys: 2 },
  pqSetRoundMessage: { lua: SET_ROUND_MESSAGE_LUA, numberOfKeys: 1 },
  pqMarkAsked: { lua: MARK_ASKED_LUA, numberOfKeys: 1 },
  pqJoinTeam: { lua: JOIN_TEAM_LUA, numberOfKeys: 3 },
  pqLeaveTeam: { lua: LEAVE_TEAM_LUA, numberOfKeys: 3 },
  pqFileReport: { lua: FILE_REPORT_LUA, numberOfKeys: 3 },
  pqDismissReports: { lua: DISMISS_REPORTS_LUA, numberOfKeys: 2 },
  pqRestoreQuestion: { lua: RESTORE_QUESTION_LUA, numberOfKeys: 3 },
  pqStartExam: { lua: START_EXAM_LUA, numberOfKeys: 1 },
  pqUpdateExam: { lua: UPDATE_EXAM_LUA, numberOfKeys: 1 },
  pqSubmitExam: { lua: SUBMIT_EXAM_LUA, numberOfKeys: 4 },
  pqAdvanceMockDay: { lua: ADVANCE_MOCK_DAY_LUA, numberOfKeys: 1 },
} as const;

export type ScriptName = keyof typeof SCRIPTS;

/** The answer click's one script: the interactive client writes it at once, unpipelined (redis-client.ts). */
export const ANSWER_SCRIPT: ScriptName = 'pqRecordAnswer';

type ScriptCall = (...args: (string | number)[]) => Promise<unknown>;

/**
 * Runs the store's Lua scripts through ioredis `defineCommand`: EVALSHA, with ioredis sending the
 * script body again by itself on NOSCRIPT (a restarted server or a SCRIPT FLUSH), on `Redis` and `Cluster`.
 */
export class QuizScripts {
  constructor(private readonly client: Redis | Cluster) {
    for (const [name, definition] of Object.entries(SCRIPTS)) {
      // Several stores may share one client; the definitions are identical, so define them once.
      if (!this.commandOf(name)) client.defineCommand(name, definition);
    }
  }

  run(name: ScriptName, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    if (keys.length !== SCRIPTS[name].numberOfKeys) {
      throw new Error(`${name} takes ${SCRIPTS[name].numberOfKeys} keys, got ${keys.length}`);
    }
    const command = this.commandOf(name);
    if (!command) throw new Error(`script ${name} is not defined on the client`);
    return command.call(this.client, ...keys, ...args);
  }

  private commandOf(name: string): ScriptCall | undefined {
    // defineCommand adds a method named after the script at run time; the client's type cannot know it.
    const method = (this.client as unknown as Record<string, unknown>)[name];
    return typeof method === 'function' ? (method as ScriptCall) : undefined;
  }
}
