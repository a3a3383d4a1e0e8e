package com.storecrm.admin.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page for people. Spring Security processes the form it posts; this page only says how
 * to sign in ({@code username@company}) and why a sign-in was refused.
 */
@RestController
class LoginPage {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = "";
        if (request.getParameter("error") != null) {
            message = "<p class=\"alert\" role=\"alert\">Sign-in refused: the user, company or password is wrong,"
                    + " or the account is not active.</p>";
        } else if (request.getParameter("logout") != null) {
            message = "<p class=\"note\" role=\"status\">You have signed out.</p>";
        }
        String csrfField = csrf == null ? "" : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName())
                + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
        return PAGE.replace("{{message}}", message).replace("{{csrf}}", csrfField);
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Sign in · StoreCRM</title>
              <style>
                body { margin: 0; font-family: system-ui, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif;
                       background: linear-gradient(135deg, #0f3d63, #1f7a8c); min-height: 100vh; display: flex;
                       align-items: center; justify-content: center; }
                main { background: #fff; border-radius: 10px; box-shadow: 0 10px 30px rgba(0,0,0,.2);
                       padding: 2.2rem 2.4rem; width: 22rem; }
                h1 { margin: 0 0 .2rem; font-size: 1.5rem; color: #0f3d63; }
                .tagline { margin: 0 0 1.4rem; color: #5b6b79; font-size: .9rem; }
                label { display: block; font-size: .85rem; color: #33414e; margin: .9rem 0 .3rem; }
                input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: .65rem .7rem;
                       border: 1px solid #c4ced8; border-radius: 6px; font-size: 1rem; }
                input:focus { outline: 2px solid #1f7a8c; border-color: #1f7a8c; }
                .hint { font-size: .78rem; color: #6b7a87; margin-top: .3rem; }
                button { margin-top: 1.4rem; width: 100%; padding: .75rem; border: 0; border-radius: 6px;
                         background: #1f7a8c; color: #fff; font-size: 1rem; cursor: pointer; }
                button:hover { background: #17606e; }
                .alert { background: #fdecea; color: #8a1c12; border-radius: 6px; padding: .6rem .8rem; font-size: .88rem; }
                .note { background: #e8f4ea; color: #1d5d2b; border-radius: 6px; padding: .6rem .8rem; font-size: .88rem; }
              </style>
            </head>
            <body>
              <main>
                <h1>StoreCRM</h1>
                <p class="tagline">Every store, one view.</p>
                {{message}}
                <form method="post" action="/login">
                  <label for="username">User</label>
                  <input type="text" id="username" name="username" autocomplete="username" required autofocus
                         placeholder="name@company">
                  <p class="hint">Your user name, @, and your company's code, e.g. <code>rep1a@demo_pallets</code>.</p>
                  <label for="password">Password</label>
                  <input type="password" id="password" name="password" autocomplete="current-password" required>
                  {{csrf}}
                  <button type="submit">Sign in</button>
                </form>
              </main>
            </body>
            </html>
            """;
}
