import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Alert, Button, Checkbox, EmptyState, Field, Input, Select, Textarea, TimeZoneSelect } from "./index";

/** The attributes of the first `<tag …>` in `html`, as a map. */
function attrs(html: string, tag: string): Record<string, string> {
  const open = html.match(new RegExp(`<${tag}\\b[^>]*>`))?.[0] ?? "";
  return Object.fromEntries([...open.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

const noop = () => {};

describe("Field and its control", () => {
  it.each([
    ["input", <Input key="i" id="f" value="" onChange={noop} />],
    ["textarea", <Textarea key="t" id="f" value="" onChange={noop} />],
    ["select", <Select key="s" id="f" value="" onChange={noop} />],
  ])("a %s is invalid and described by the field's error", (tag, control) => {
    const html = renderToStaticMarkup(
      <Field label="Name" htmlFor="f" error="Say who it is">
        {control}
      </Field>,
    );
    expect(attrs(html, tag)["aria-invalid"]).toBe("true");
    expect(attrs(html, tag)["aria-describedby"]).toBe("f-error");
    expect(attrs(html, "p")).toMatchObject({ id: "f-error", role: "alert" });
  });

  it("a control is described by the hint while there is no error, and keeps its own description", () => {
    const html = renderToStaticMarkup(
      <Field label="Name" htmlFor="f" hint="As colleagues see it">
        <Input id="f" aria-describedby="extra" value="" onChange={noop} />
      </Field>,
    );
    expect(attrs(html, "input")["aria-invalid"]).toBeUndefined();
    expect(attrs(html, "input")["aria-describedby"]).toBe("f-hint extra");
    expect(html).toContain('id="f-hint"');
  });

  it("an error hides the hint", () => {
    const html = renderToStaticMarkup(
      <Field label="Name" htmlFor="f" hint="As colleagues see it" error="Too long">
        <Input id="f" value="" onChange={noop} />
      </Field>,
    );
    expect(html).not.toContain("As colleagues see it");
    expect(attrs(html, "input")["aria-describedby"]).toBe("f-error");
  });

  it("an input marked invalid outside a field points at the error element named after it", () => {
    const html = renderToStaticMarkup(<Input id="q" invalid value="" onChange={noop} />);
    expect(attrs(html, "input")).toMatchObject({ "aria-invalid": "true", "aria-describedby": "q-error" });
  });
});

describe("one focus style", () => {
  it("every control carries the shared focus-ring class, textareas included", () => {
    const html = renderToStaticMarkup(
      <>
        <Input id="a" value="" onChange={noop} />
        <Textarea id="b" value="" onChange={noop} />
        <Select id="c" value="" onChange={noop} />
        <Checkbox label="D" checked={false} onChange={noop} />
        <Button>E</Button>
      </>,
    );
    for (const tag of ["input", "textarea", "select", "button"]) {
      expect(attrs(html, tag).class?.split(" ")).toContain("focus-ring");
    }
    // A text field and a textarea look the same: the same classes.
    expect(attrs(html, "textarea").class).toBe(attrs(html, "input").class);
  });
});

describe("TimeZoneSelect", () => {
  it("lists UTC and the runtime's zones, and keeps a stored zone the runtime does not know first", () => {
    const html = renderToStaticMarkup(
      <TimeZoneSelect id="tz" value="Mars/Olympus" current="Mars/Olympus" onChange={noop} />,
    );
    const options = [...html.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
    expect(options[0]).toBe("Mars/Olympus");
    expect(options).toContain("UTC");
    expect(options).toContain("Asia/Tokyo");
    expect(new Set(options).size).toBe(options.length);
  });
});

describe("Checkbox", () => {
  it("puts the box, its label and its description in one label", () => {
    const html = renderToStaticMarkup(
      <Checkbox label="Show names" description="Off by default." checked onChange={noop} />,
    );
    expect(html.startsWith("<label")).toBe(true);
    expect(attrs(html, "input")).toMatchObject({ type: "checkbox", checked: "" });
    expect(html).toMatch(/<label[^>]*>.*Show names.*Off by default\..*<\/label>/);
  });
});

describe("Alert and EmptyState", () => {
  it("an alert is announced, and its tone and box show in its classes", () => {
    const html = renderToStaticMarkup(
      <Alert tone="warning" boxed>
        Save first
      </Alert>,
    );
    expect(attrs(html, "div").role).toBe("alert");
    expect(attrs(html, "div").class).toContain("bg-amber-50");
    expect(attrs(renderToStaticMarkup(<Alert>Broken</Alert>), "div").class).toContain("text-red-700");
  });

  it("an empty state says what is missing and offers the next step", () => {
    const html = renderToStaticMarkup(
      <EmptyState title="No loops yet" action={<Button>Create a loop</Button>}>
        Pick a candidate.
      </EmptyState>,
    );
    expect(html).toContain("No loops yet");
    expect(html).toContain("Pick a candidate.");
    expect(html).toContain("Create a loop</button>");
  });
});
