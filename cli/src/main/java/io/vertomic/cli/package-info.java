/**
 * The command-line tool {@code ./scripts/vertomic} (API.md section 9, docs/cli.md): one launcher,
 * one {@link io.vertomic.cli.Command} per subcommand, each working against a {@link
 * io.vertomic.cli.Target}, a storage URI (the peer library, in this process) or a peer server URL
 * (the client SDK). Internal: a leaf module, nothing depends on it. May use the peer library
 * ({@code io.vertomic.peer}), the backup tool ({@code io.vertomic.backup.BackupMain}), the client
 * SDK, the api (EDN, anomalies) and Vert.x core (the client's event loop, never blocked: the tool
 * waits on its own main thread).
 */
package io.vertomic.cli;
