/**
 * Where an import's time goes, without touching the code under test: the
 * storage and the CPR cipher are wrapped, and each method's calls are timed.
 * A phase's time is the union of its calls' intervals, so calls that run
 * concurrently (Promise.all over the boards) are not counted twice.
 */
import type {
  IdentificationStorage,
  IdentificationStore,
} from '../src/procedures/at-risk/identification-store.js';
import type { CprCipher } from '../src/security/cpr-cipher.js';

export class PhaseClock {
  private readonly totals = new Map<string, number>();
  private readonly running = new Map<string, { calls: number; since: number }>();

  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    this.start(phase);
    try {
      return await work();
    } finally {
      this.stop(phase);
    }
  }

  timeSync<T>(phase: string, work: () => T): T {
    this.start(phase);
    try {
      return work();
    } finally {
      this.stop(phase);
    }
  }

  totalMs(phase: string): number {
    return this.totals.get(phase) ?? 0;
  }

  reset(): void {
    this.totals.clear();
    this.running.clear();
  }

  private start(phase: string): void {
    const running = this.running.get(phase);
    if (running) running.calls += 1;
    else this.running.set(phase, { calls: 1, since: performance.now() });
  }

  private stop(phase: string): void {
    const running = this.running.get(phase);
    if (!running) return;
    running.calls -= 1;
    if (running.calls > 0) return;
    this.running.delete(phase);
    this.totals.set(phase, this.totalMs(phase) + performance.now() - running.since);
  }
}

export function timedStorage(storage: IdentificationStorage, clock: PhaseClock): IdentificationStorage {
  return {
    transaction: (work) =>
      clock.time('transaction', () => storage.transaction((store) => work(timedStore(store, clock)))),
    listCycles: (filter) => clock.time('listCycles', () => storage.listCycles(filter)),
    findCycle: (boardCode, period) => clock.time('findCycle', () => storage.findCycle(boardCode, period)),
    reviewList: (cycleId) => clock.time('reviewList', () => storage.reviewList(cycleId)),
    reviewOverview: (cycleId) => clock.time('reviewOverview', () => storage.reviewOverview(cycleId)),
    reviewPage: (cycleId, query) => clock.time('reviewPage', () => storage.reviewPage(cycleId, query)),
    recordAudit: (event) => clock.time('recordAudit', () => storage.recordAudit(event)),
    compareWithPrevious: (cycleId) =>
      clock.time('compareWithPrevious', () => storage.compareWithPrevious(cycleId)),
  };
}

function timedStore(store: IdentificationStore, clock: PhaseClock): IdentificationStore {
  return {
    findCycles: (boardCodes, period) => clock.time('findCycle', () => store.findCycles(boardCodes, period)),
    stageStudents: (students) => clock.time('stageStudents', () => store.stageStudents(students)),
    saveStagedStudents: () => clock.time('saveStudents', () => store.saveStagedStudents()),
    createCycles: (cycles) => clock.time('createCycle', () => store.createCycles(cycles)),
    replaceResults: (cycleId, source, homeBoards) =>
      clock.time('replaceResults', () => store.replaceResults(cycleId, source, homeBoards)),
    saveStagedResults: (cycles) => clock.time('saveResults', () => store.saveStagedResults(cycles)),
    recountCycles: (cycleIds) => clock.time('recountCycle', () => store.recountCycles(cycleIds)),
    linkPreviousCycles: (boardCodes) =>
      clock.time('linkPreviousCycles', () => store.linkPreviousCycles(boardCodes)),
    recordAudits: (events) => clock.time('recordAudit', () => store.recordAudits(events)),
  };
}

export function timedCipher(cipher: CprCipher, clock: PhaseClock): CprCipher {
  return {
    encrypt: (cpr, studentNumber) => clock.timeSync('encryptCpr', () => cipher.encrypt(cpr, studentNumber)),
    decrypt: (sealed, studentNumber) =>
      clock.timeSync('decryptCpr', () => cipher.decrypt(sealed, studentNumber)),
  };
}
