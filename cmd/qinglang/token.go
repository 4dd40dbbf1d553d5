package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/qinglang/qinglang"
	"github.com/qinglang/qinglang/enforce"
)

func newTokenCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "token",
		Short: "API 令牌：创建、列出、吊销 / API tokens: create, list, revoke",
		Long: `直接在 serve 的数据库上管理 API 令牌（--data-dir 或 --db）。令牌只以哈希保存，明文只在创建时显示一次。
角色 / roles: admin（全部）、regulator（--region 辖区代码）、platform 与 reviewer（--platform）、operator（--platform 与 --rooms）。
Manages API tokens directly on serve's database (--data-dir or --db). Only a token's hash is
stored; the secret is shown once, when it is created.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	c.AddCommand(newTokenCreateCmd(), newTokenListCmd(), newTokenRevokeCmd())
	return c
}

// enforcementOn opens the store and the enforcement service over it.
func enforcementOn(c *cobra.Command, o *dbOpts, create bool) (*enforce.Service, func(), error) {
	store, err := o.open(c.Context(), create)
	if err != nil {
		return nil, nil, err
	}
	svc, err := enforce.New(enforce.Config{Store: store, Generator: "qinglang " + version})
	if err != nil {
		store.Close()
		return nil, nil, &exitError{code: exitCode(err), err: err}
	}
	return svc, func() { store.Close() }, nil
}

func newTokenCreateCmd() *cobra.Command {
	var o dbOpts
	var r enforce.TokenRequest
	var role, rooms string
	var expires time.Duration
	var asJSON bool
	c := &cobra.Command{
		Use:   "create --name NAME --role ROLE [--platform P] [--region CODE] [--rooms R1,R2] [--expires 720h]",
		Short: "创建令牌，明文只显示这一次 / create a token; the secret is shown this once",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			r.Role = qinglang.Role(role)
			if rooms != "" {
				r.Rooms = strings.Split(rooms, ",")
			}
			if expires < 0 {
				return usageError("--expires 不能为负 / --expires must not be negative")
			}
			if expires > 0 {
				r.ExpiresAt = time.Now().Add(expires).UTC()
			}
			svc, done, err := enforcementOn(c, &o, true)
			if err != nil {
				return err
			}
			defer done()
			nt, err := svc.CreateToken(c.Context(), qinglang.System, r)
			if err != nil {
				return &exitError{code: exitCode(err), err: err}
			}
			out := c.OutOrStdout()
			if asJSON {
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(nt)
			}
			fmt.Fprintf(out, "令牌 token %s（%s，%s）\n%s\n", nt.Token.ID, nt.Token.Name, nt.Token.Role, nt.Secret)
			fmt.Fprintln(c.ErrOrStderr(), "明文只显示这一次，请妥善保存 / the secret is shown this once: keep it safe")
			return nil
		},
	}
	o.flags(c)
	f := c.Flags()
	f.StringVar(&r.Name, "name", "", "持有人或用途 / who or what holds it")
	f.StringVar(&role, "role", "", "角色 role: admin, regulator, platform, reviewer, operator")
	f.StringVar(&r.Platform, "platform", "", "平台（platform、reviewer、operator）/ the platform (platform, reviewer, operator)")
	f.StringVar(&r.Region, "region", "", "辖区行政区划代码（regulator，如 310000）/ the jurisdiction's division code (regulator, e.g. 310000)")
	f.StringVar(&rooms, "rooms", "", "直播间，逗号分隔（operator）/ rooms, comma-separated (operator)")
	f.DurationVar(&expires, "expires", 0, "有效期（0 为不过期）/ lifetime (0: no expiry)")
	f.BoolVar(&asJSON, "json", false, "以 JSON 输出 / print JSON")
	return c
}

func newTokenListCmd() *cobra.Command {
	var o dbOpts
	c := &cobra.Command{
		Use:   "list",
		Short: "列出令牌（不含明文）/ list the tokens (never their secrets)",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			svc, done, err := enforcementOn(c, &o, false)
			if err != nil {
				return err
			}
			defer done()
			ts, err := svc.Tokens(c.Context(), qinglang.System)
			if err != nil {
				return &exitError{code: exitCode(err), err: err}
			}
			tw := tabwriter.NewWriter(c.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tNAME\tROLE\tSCOPE\tCREATED\tSTATE")
			for _, t := range ts {
				scope := t.Platform + t.Region
				if len(t.Rooms) > 0 {
					scope += " " + strings.Join(t.Rooms, ",")
				}
				state := "active"
				switch {
				case !t.RevokedAt.IsZero():
					state = "revoked " + t.RevokedAt.Format(time.DateOnly)
				case !t.ExpiresAt.IsZero() && !time.Now().Before(t.ExpiresAt):
					state = "expired"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Name, t.Role, orDash(strings.TrimSpace(scope)), t.CreatedAt.Format(time.DateOnly), state)
			}
			return tw.Flush()
		},
	}
	o.flags(c)
	return c
}

func newTokenRevokeCmd() *cobra.Command {
	var o dbOpts
	c := &cobra.Command{
		Use:   "revoke ID",
		Short: "吊销令牌（立即生效，不可恢复）/ revoke a token (at once, for good)",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			svc, done, err := enforcementOn(c, &o, false)
			if err != nil {
				return err
			}
			defer done()
			t, err := svc.RevokeToken(c.Context(), qinglang.System, args[0])
			if err != nil {
				return &exitError{code: exitCode(err), err: err}
			}
			fmt.Fprintf(c.OutOrStdout(), "已吊销 revoked %s（%s）\n", t.ID, t.Name)
			return nil
		},
	}
	o.flags(c)
	return c
}
