// The held value carries only what the callback needs, never the target itself.
export class Session {
  constructor(readonly id: string) {}
}

const sessions = new FinalizationRegistry((id: string) => {
  console.log(`session ${id} was dropped`);
});

export function open(id: string): Session {
  const session = new Session(id);
  sessions.register(session, session.id);
  return session;
}
