// The held value refers to the target. The registry holds `held` strongly, so the target
// stays reachable through the registry itself and its cleanup never runs.
export class Session {
  constructor(readonly id: string) {}
}

const sessions = new FinalizationRegistry((held: { session: Session }) => {
  console.log(`session ${held.session.id} was dropped`);
});

export function open(id: string): Session {
  const session = new Session(id);
  sessions.register(session, { session });
  return session;
}
