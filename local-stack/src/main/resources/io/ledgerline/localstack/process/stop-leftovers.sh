# Stops the servers a launcher started from one data directory (Linux: reads /proc).
#   watch DIR GRACE: waits for EOF on stdin, a pipe only the launcher holds, so EOF means the launcher is
#                    gone, however it died (SIGKILL included), then stops what is left.
#   stop DIR GRACE:  stops what a crashed launcher left, before a new one starts.
# Every process named in DIR/pids/*.pid is sent SIGTERM (with its process group: servers run in a session of
# their own, and Elasticsearch forks), PostgreSQL (DIR/postgres/data/postmaster.pid) SIGINT, its fast shutdown;
# whatever still runs after GRACE seconds gets SIGKILL. A pid counts only while its process's command line
# names DIR: a pid recycled by a stranger is left alone.
set -u
mode=$1
root=$2
grace=$3
pids="$root/pids"

# Ctrl-C belongs to the launcher, which stops everything in order; the watchdog must outlive that
trap '' INT HUP

if [[ $mode == watch ]]; then
    while read -r _; do :; done
fi

ours() {
    local cmdline
    [[ $1 =~ ^[0-9]+$ ]] || return 1
    cmdline=$(tr '\0' ' ' 2>/dev/null < "/proc/$1/cmdline") || return 1
    [[ $cmdline == *"$root/"* ]]
}

running() {
    local cmdline
    [[ $1 =~ ^[0-9]+$ ]] || return 1
    cmdline=$(tr '\0' ' ' 2>/dev/null < "/proc/$1/cmdline") || return 1
    [[ -n $cmdline ]]
}

# A live member of process group $1; zombies do not count (nobody may reap them in a container)
group_alive() {
    local group=$1 stat line fields
    for stat in /proc/[0-9]*/stat; do
        read -r line 2>/dev/null < "$stat" || continue
        read -r -a fields <<< "${line##*) }"
        [[ ${fields[0]} != Z && ${fields[2]} == "$group" ]] && return 0
    done
    return 1
}

signal() {
    kill "-$1" -- "-$2" 2>/dev/null || kill "-$1" "$2" 2>/dev/null
}

alive() {
    ours "$1" || group_alive "$1"
}

names=()
leaders=()
for file in "$pids"/*.pid; do
    [[ -e $file ]] || continue
    name=$(basename "$file" .pid)
    pid=
    read -r pid < "$file" || true
    if ours "$pid"; then
        echo "Stopping $name (pid $pid), left running by a launcher that is gone"
        signal TERM "$pid"
        names+=("$name")
        leaders+=("$pid")
    else
        if running "$pid"; then
            echo "Pid file $file names process $pid, which was not started from $root: left alone"
        fi
        rm -f "$file"
    fi
done

postmaster="$root/postgres/data/postmaster.pid"
if [[ -e $postmaster ]]; then
    pid=
    read -r pid < "$postmaster" || true
    if ours "$pid"; then
        echo "Stopping PostgreSQL (pid $pid, fast shutdown), left running by a launcher that is gone"
        kill -INT "$pid" 2>/dev/null
        names+=("PostgreSQL")
        leaders+=("$pid")
    fi
fi

(( ${#leaders[@]} == 0 )) && exit 0

deadline=$((SECONDS + grace))
while (( SECONDS < deadline )); do
    left=0
    for pid in "${leaders[@]}"; do
        alive "$pid" && left=1 && break
    done
    (( left == 0 )) && break
    sleep 0.5
done

for i in "${!leaders[@]}"; do
    if alive "${leaders[$i]}"; then
        echo "${names[$i]} (pid ${leaders[$i]}) did not stop within $grace s: SIGKILL"
        signal KILL "${leaders[$i]}"
    fi
done
for i in "${!leaders[@]}"; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        alive "${leaders[$i]}" || break
        sleep 0.5
    done
    rm -f "$pids/${names[$i]}.pid"
done
echo "Stopped what a launcher that is gone left running: ${names[*]}"
