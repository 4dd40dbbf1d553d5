// login.js: the sign-in page (#/login). The user pastes an API token; it is
// handed to the shell the way the demo's link hands it over (#token=…),
// kept in this tab's sessionStorage only, and checked with GET /v1/me.
import { register, el, t, me } from "./app.js";

register("#/login", {
  title: ["登录", "Sign in"],
  action: null,
  render: async (root, params) => {
    root.classList.add("login-page");
    const next = params.next && params.next.startsWith("#/") && !params.next.startsWith("#/login") ? params.next : "#/";
    const notes = [];
    if (params.failed) notes.push(el("p", { class: "alert alert-error", role: "alert" },
      t("令牌无效、已过期或已吊销，请重新输入。", "The token is invalid, expired or revoked: enter it again.")));
    if (params.expired) notes.push(el("p", { class: "alert alert-warn", role: "alert" },
      t("登录已失效（令牌被拒绝），请重新登录。", "Your session ended (the token was refused): sign in again.")));
    if (params.signedout) notes.push(el("p", { class: "alert alert-info" },
      t("已退出。令牌仍然有效，只是本标签页不再保存它。", "Signed out. The token is still valid; this tab no longer keeps it.")));
    if (me() && !params.failed && !params.expired) notes.push(el("p", { class: "alert alert-info" },
      t(`当前已登录为 ${me().name || "本机开放模式"}；输入新令牌可切换身份。`,
        `You are signed in as ${me().name || "open mode"}; enter another token to switch.`)));

    const input = el("input", {
      id: "token", name: "token", type: "password", autocomplete: "off", spellcheck: "false",
      placeholder: "qlt_…", required: true, "aria-describedby": "token-help",
    });
    const form = el("form", {
      class: "login-form",
      onSubmit: (e) => {
        e.preventDefault();
        const tok = input.value.trim();
        if (!tok) return input.focus();
        // The shell takes the token from the fragment, stores it and removes
        // it from the address bar and the history (location.replace: this
        // entry is overwritten, not added to).
        location.replace(`#token=${encodeURIComponent(tok)}&next=${encodeURIComponent(next)}`);
      },
    },
    el("label", { for: "token" }, t("API 令牌", "API token")),
    input,
    el("p", { id: "token-help", class: "help" },
      t("令牌只保存在本标签页（sessionStorage），关闭标签页即忘记；不使用 Cookie。",
        "The token is kept in this tab only (sessionStorage) and forgotten when the tab closes; no cookie is used.")),
    el("button", { type: "submit", class: "btn btn-primary btn-block" }, t("登录", "Sign in")));

    root.append(el("div", { class: "login-card card" },
      el("div", { class: "login-head" },
        el("img", { src: "favicon.svg", alt: "", width: 40, height: 40 }),
        el("div", null,
          el("h1", null, t("清朗 控制台", "Qinglang console")),
          el("p", { class: "muted" }, t("直播电商诚信引擎", "Integrity engine for live-streaming e-commerce")))),
      ...notes,
      form,
      el("details", { class: "login-where" },
        el("summary", null, t("令牌从哪里来？", "Where do I get a token?")),
        el("ul", null,
          el("li", null, t("演示：", "Demo: "), el("code", null, "qinglang demo"),
            t(" 打印的控制台链接已带令牌。", " prints a console link with the token in it.")),
          el("li", null, t("服务首次启动时写入 ", "serve writes "), el("code", null, "qinglang-data/admin-token"),
            t("（管理员）。", " (admin) at its first start.")),
          el("li", null, t("签发其他角色：", "Other roles: "),
            el("code", null, "qinglang token create --name NAME --role reviewer --platform P"))))));
    input.focus();
  },
});
