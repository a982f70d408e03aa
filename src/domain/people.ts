// How a person is named on pages and in emails: their name, else their email address, else a word for
// their part ("Member", "Interviewer"…). The one home of that rule.

export interface Named {
  name?: string | null;
  email?: string | null;
}

export function displayName(person: Named | null | undefined, fallback = "Member"): string {
  const name = person?.name?.trim();
  if (name) return name;
  const email = person?.email?.trim();
  return email || fallback;
}
