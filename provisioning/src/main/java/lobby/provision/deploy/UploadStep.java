package lobby.provision.deploy;

import static lobby.provision.deploy.Shell.quote;

/**
 * Puts the release in {@code releases/<version>}. A release folder counts as complete only when
 * its {@code .sha256} names the tarball's SHA-256: it is written last, inside a staging folder that
 * is then renamed into place, so an interrupted upload or extraction never looks finished and a
 * different tarball under the same version is replaced.
 */
final class UploadStep implements Step {
    @Override
    public String name() {
        return "upload";
    }

    @Override
    public boolean needsRelease() {
        return true;
    }

    @Override
    public Check check(KioskRun run) {
        Release release = run.release;
        String builtFor = release.builtFor();
        if (builtFor != null && !builtFor.equals(run.codename)) {
            throw new StepFailure(release.file().getFileName() + " is built for " + builtFor + ", but the kiosk runs "
                    + run.codename + ": use the " + run.codename + " tarball");
        }
        String there = run.sh("cat " + quote(run.layout.release(release.version()) + "/.sha256")).stdout().strip();
        if (there.equals(release.sha256())) {
            return Check.inPlace(release.version() + " already there");
        }
        return Check.needed((there.isEmpty() ? "upload " : "replace (different tarball) ") + release.version()
                + " (" + release.sizeText() + ")");
    }

    @Override
    public String change(KioskRun run) {
        Release release = run.release;
        String upload = run.shOk("mktemp \"${TMPDIR:-/tmp}/lobby-kiosk-upload.XXXXXX\"", "making a temporary file")
                .strip();
        try {
            run.remote.upload(release.file(), upload);
            String sum = run.shOk("sha256sum " + quote(upload), "sha256sum of the upload").strip().split("\\s+")[0];
            if (!sum.equals(release.sha256())) {
                throw new StepFailure("the uploaded file's SHA-256 is " + sum + ", the tarball's " + release.sha256()
                        + ": the copy was damaged on the way; nothing was installed");
            }
            String releases = quote(run.layout.releases());
            String target = quote(run.layout.release(release.version()));
            String v = release.version();
            String script = "set -e; umask 022; mkdir -p " + releases + "; "
                    + "stage=$(mktemp -d " + releases + "/.incoming-" + v + ".XXXXXX); "
                    + "tar -xzf " + quote(upload) + " -C \"$stage\" --no-same-owner; "
                    + "src=\"$stage\"/" + quote(release.topDir()) + "; "
                    + "chmod 0755 \"$src\"; "
                    + "printf '%s\\n' " + quote(release.sha256()) + " > \"$src/.sha256\"; "
                    + "old=''; if [ -e " + target + " ]; then old=$(mktemp -d " + releases + "/.replaced-" + v
                    + ".XXXXXX); mv " + target + " \"$old/\"; fi; "
                    + "mv \"$src\" " + target + "; "
                    + "rm -rf \"$stage\" ${old:+\"$old\"}";
            run.sudoScript(script, "extracting " + release.file().getFileName());
        } finally {
            run.sh("rm -f " + quote(upload));
        }
        return "uploaded " + release.version() + " (" + release.sizeText() + ")";
    }
}
