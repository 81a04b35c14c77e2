#!/bin/sh
# Starts the SSH server and the web terminal in the background and Jupyter in the foreground
# (its exit ends the container). HANGAR_WORKSPACE_TOKEN: Jupyter's token and root's password;
# without it Jupyter asks for a generated token and root has no password.
set -e
if [ -n "${HANGAR_WORKSPACE_TOKEN:-}" ]; then
  echo "root:${HANGAR_WORKSPACE_TOKEN}" | chpasswd
fi
[ -f /etc/ssh/ssh_host_ed25519_key ] || ssh-keygen -q -t ed25519 -N "" -f /etc/ssh/ssh_host_ed25519_key
/usr/sbin/sshd
if [ -x /usr/bin/shellinaboxd ]; then
  /usr/bin/shellinaboxd --background --disable-ssl --port=7681 --service=/:LOGIN >/dev/null 2>&1 || true
fi
exec jupyter-notebook --no-browser --allow-root --ip=0.0.0.0 --port=8888 --notebook-dir=/workspace \
  --NotebookApp.token="${HANGAR_WORKSPACE_TOKEN:-}" --NotebookApp.password='' \
  ${HANGAR_WORKSPACE_TOKEN:+--NotebookApp.allow_remote_access=True}
