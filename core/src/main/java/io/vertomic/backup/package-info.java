/**
 * Backup and restore between any two storages (a directory is a dev file store): {@link
 * io.vertomic.backup.Copy}, incremental and verified, with progress; a backup location keeps many
 * points in time ({@link io.vertomic.backup.BackupHistory}), checked by {@link
 * io.vertomic.backup.VerifyBackup}; {@link io.vertomic.backup.BackupMain} is the command line.
 * Internal.
 *
 * <p>May use: {@code storage} (and the dev backend, for directories), {@code index}, {@code wire},
 * api, Vert.x core.
 */
package io.vertomic.backup;
