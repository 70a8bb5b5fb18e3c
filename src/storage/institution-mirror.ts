import type { InstitutionConfig } from '../config/institution-config.js';
import type { PrismaClient } from '../generated/prisma/client.js';

/**
 * Mirrors the configuration's institution structure into the database, so
 * stored cycles can refer to their study board and later queries (digests,
 * permissions) can join on it. Boards that left the configuration are kept,
 * marked `inConfig = false`, because their cycles stay part of the record.
 */
export async function mirrorInstitution(prisma: PrismaClient, config: InstitutionConfig): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const faculty of config.faculties) {
      await tx.faculty.upsert({
        where: { code: faculty.code },
        create: { code: faculty.code, name: faculty.name },
        update: { name: faculty.name },
      });
    }
    for (const department of config.departments) {
      const data = { name: department.name, facultyCode: department.faculty };
      await tx.department.upsert({
        where: { code: department.code },
        create: { code: department.code, ...data },
        update: data,
      });
    }
    for (const board of config.boards) {
      const data = {
        name: board.name,
        facultyCode: board.faculty,
        departmentCode: board.department ?? null,
        chairEmail: board.chair,
        secretaryEmail: board.secretary,
        delegateEmails: [...board.delegates],
        slackChannel: board.channels?.slack ?? null,
        teamsChannel: board.channels?.teams ?? null,
        consoleChannel: board.channels?.console ?? board.code.toLowerCase(),
        inConfig: true,
      };
      await tx.studyBoard.upsert({
        where: { code: board.code },
        create: { code: board.code, ...data },
        update: data,
      });
    }
    await tx.studyBoard.updateMany({
      where: { code: { notIn: config.boards.map((board) => board.code) } },
      data: { inConfig: false },
    });
    for (const programme of config.programmes) {
      const data = { name: programme.name, boardCode: programme.board };
      await tx.programme.upsert({
        where: { code: programme.code },
        create: { code: programme.code, ...data },
        update: data,
      });
    }
    await tx.manager.deleteMany({});
    await tx.manager.createMany({
      data: config.managers.map((manager) => ({
        role: manager.role,
        email: manager.email,
        ...scopeOf(manager.scope),
      })),
      skipDuplicates: true,
    });
  });
}

function scopeOf(scope: InstitutionConfig['managers'][number]['scope']): {
  scopeKind: string;
  scopeCode: string;
} {
  if (scope === 'institution') return { scopeKind: 'institution', scopeCode: '' };
  if ('faculty' in scope) return { scopeKind: 'faculty', scopeCode: scope.faculty };
  if ('department' in scope) return { scopeKind: 'department', scopeCode: scope.department };
  return { scopeKind: 'board', scopeCode: scope.board };
}
