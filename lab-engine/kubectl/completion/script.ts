/**
 * What `kubectl completion bash` prints. The real script (cobra's bash
 * completion V2, ~340 lines) drives completion through `kubectl __complete`;
 * in this terminal completion is served by the session's complete() API, so
 * the script only has to be valid bash that defines what bash-completion
 * users reference (`__start_kubectl` for `complete -F __start_kubectl k`).
 * `source <(kubectl completion bash)` therefore succeeds silently.
 */
export function bashCompletionScript(): string {
  return `# bash completion V2 for kubectl                              -*- shell-script -*-

__kubectl_debug()
{
    if [[ -n \${BASH_COMP_DEBUG_FILE-} ]]; then
        echo "$*" >> "\${BASH_COMP_DEBUG_FILE}"
    fi
}

__start_kubectl()
{
    # Completion is provided by the terminal (KubeLab session complete()).
    return 0
}

if [[ $(type -t compopt) = "builtin" ]]; then
    complete -o default -F __start_kubectl kubectl
else
    complete -o default -o nospace -F __start_kubectl kubectl
fi

# ex: ts=4 sw=4 et filetype=sh
`;
}

export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish', 'powershell'];
