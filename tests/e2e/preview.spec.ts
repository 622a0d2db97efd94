/**
 * The preview pane, end to end: a Flask app started in the terminal shows in
 * the preview with its stylesheet (an absolute /static path), a form posts
 * to it, the redirect comes back into the preview and the session cookie
 * carries the name; with nothing listening, the preview says so.
 */
import { expect, test, type Page } from '@playwright/test';

const LESSON = 'hello-wsgi';
const PROMPT = 'learner@server:~$';

/** A 1x1 PNG: its bytes reach the iframe intact only if the preview carries binary bodies. */
const DOT_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const FLASK_APP = `from flask import Flask, redirect, render_template_string, request, session, url_for

app = Flask(__name__)
app.secret_key = "preview-test"

FORM = """<!doctype html>
<title>Greeter</title>
<link rel="stylesheet" href="/static/style.css">
<h1>Who are you?</h1>
<img src="/static/dot.png" alt="a dot">
<form method="post" action="/greet">
  <label>Name <input name="name"></label>
  <button>Greet me</button>
</form>"""


@app.get("/")
def index():
    return FORM


@app.post("/greet")
def greet():
    session["name"] = request.form["name"]
    return redirect(url_for("hello"))


@app.get("/hello")
def hello():
    return render_template_string(
        '<h1>Hello, {{ name }}!</h1><a href="{{ url_for("index", _external=True) }}">Start again</a>',
        name=session.get("name", "stranger"),
    )
`;

async function screenText(page: Page): Promise<string> {
  const text = await page.locator('[data-terminal] .xterm-rows').innerText();
  return text.replaceAll('\u00a0', ' ');
}

async function waitForScreen(page: Page, needle: string, timeout = 60_000): Promise<void> {
  await expect.poll(async () => (await screenText(page)).includes(needle), { timeout, intervals: [50, 100, 250] }).toBe(true);
}

/** Runs a command line in the terminal and waits for the prompt that follows it. */
async function run(page: Page, command: string): Promise<void> {
  const prompts = (await screenText(page)).split(PROMPT).length;
  await page.getByLabel('Terminal input').focus();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await screenText(page)).split(PROMPT).length, { timeout: 60_000 }).toBeGreaterThan(prompts);
}

test('a Flask app started in the terminal shows in the preview, and its form posts', async ({ page, context }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`/lessons/${LESSON}/`);
  await waitForScreen(page, PROMPT);

  // Nothing listens yet: the preview says so, in words, with the way to start something.
  await page.getByRole('tab', { name: 'Preview' }).click();
  const address = page.getByLabel('Address');
  await expect(address).toHaveValue('http://localhost:5000/');
  const preview = page.frameLocator('[data-preview-frame]');
  await expect(preview.locator('h1')).toHaveText('Nothing is listening on localhost:5000');
  await expect(preview.locator('body')).toContainText('flask --app app run');

  // The app goes into app.py through the editor, as the learner would write it.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await expect(page.locator('[data-editor][data-ready="true"] .monaco-editor')).toBeVisible();
  await page.locator('[data-editor] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.evaluate((text) => navigator.clipboard.writeText(text), FLASK_APP);
  await page.keyboard.press('ControlOrMeta+V');
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.locator('[data-file-tab="app.py"]')).not.toHaveClass(/is-dirty/);

  await page.getByRole('tab', { name: 'Terminal' }).click();
  await run(page, 'sudo apt install -y python3-venv > /dev/null 2>&1 && python3 -m venv venv && venv/bin/pip install -q flask');
  await run(page, "mkdir -p static && echo 'h1 { color: rgb(0, 128, 0); }' > static/style.css");
  await run(page, `python3 -c "import base64; open('static/dot.png', 'wb').write(base64.b64decode('${DOT_PNG}'))"`);
  // In the background, so the terminal stays free; its log still shows there.
  await page.keyboard.type('venv/bin/flask --app app run &');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'Press CTRL+C to quit');

  // Back in the preview, the page that said nothing listens tries again by itself.
  await page.getByRole('tab', { name: 'Preview' }).click();
  await expect(preview.locator('h1')).toHaveText('Who are you?');
  // The stylesheet and the image, under absolute paths, came from the app too.
  await expect(preview.locator('h1')).toHaveCSS('color', 'rgb(0, 128, 0)');
  await expect.poll(() => preview.getByAltText('a dot').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  await preview.getByLabel('Name').fill('Ada');
  await preview.getByRole('button', { name: 'Greet me' }).click();
  // POST /greet redirected to /hello: the session cookie set on the redirect came back with the GET.
  await expect(preview.locator('h1')).toHaveText('Hello, Ada!');
  await expect(address).toHaveValue('http://localhost:5000/hello');
  // A link with the app's full address (http://localhost:5000/) stays in the preview.
  await expect(preview.getByRole('link', { name: 'Start again' })).toHaveAttribute('href', 'http://localhost:5000/');
  await preview.getByRole('link', { name: 'Start again' }).click();
  await expect(address).toHaveValue('http://localhost:5000/');
  await expect(preview.locator('h1')).toHaveText('Who are you?');

  // The app saw what a browser sends, in its own log.
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await waitForScreen(page, '"POST /greet HTTP/1.1" 302');

  // A changed stylesheet shows after Reload.
  await run(page, "echo 'h1 { color: rgb(0, 0, 255); }' > static/style.css");
  await page.getByRole('tab', { name: 'Preview' }).click();
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(preview.locator('h1')).toHaveCSS('color', 'rgb(0, 0, 255)');

  // An address typed in the bar opens there; a path the app does not have is its own 404.
  await page.getByRole('tab', { name: 'Preview' }).click();
  await address.fill('localhost:5000/nope');
  await address.press('Enter');
  await expect(preview.locator('h1')).toHaveText('Not Found');
  await expect(address).toHaveValue('http://localhost:5000/nope');

  await page.screenshot({ path: 'test-results/preview-pane.png' });
  expect(errors).toEqual([]);
});
