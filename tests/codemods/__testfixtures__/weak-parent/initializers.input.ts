interface Owner {
  name: string;
}

declare function defaultOwner(): Owner;
declare const fallback: Owner;

export class Account {
  parent: Owner | null = defaultOwner();
}

export class Profile {
  parent: Owner = fallback;
}

export class Callback {
  parent: (() => Owner) | undefined = undefined;
}
